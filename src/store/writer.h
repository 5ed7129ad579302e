/* writer.h - a thread that writes records to a store while the caller goes on with the
 * next articles. The caller takes a free record from a bounded ring (writer_slot waits
 * while the ring is full), fills it, and hands it over (writer_send); the thread writes
 * the records in order with store_put, so in the store's batched transactions, and frees
 * the slot. writer_finish waits for the rest, commits and stops the thread. One caller
 * thread; the store is the thread's alone until writer_finish returns. */
#ifndef DY_WRITER_H
#define DY_WRITER_H
#include "store.h"

typedef struct writer writer;

writer *writer_start(store *s);
/* The record to fill next, or NULL once a write failed (writer_finish tells why). */
store_record *writer_slot(writer *w);
/* Hand the record from writer_slot to the thread. */
void writer_send(writer *w);
/* Write and commit what is left, stop the thread and free w. False with the first error. */
bool writer_finish(writer *w, char *err, size_t errlen);
#endif
