/* writer.c - a ring of records between the caller and one writing thread, guarded by one
 * mutex: head counts the records handed over, tail the ones written; slot i % RING holds
 * record i. The thread never holds the lock while it writes. After a failed write it
 * keeps taking records (and drops them) so that the caller never waits for nothing.
 *
 * The thread is woken a gulp of records at a time and then writes all there are: on one
 * core, waking it for every record switched threads twice an article (some 8,000
 * voluntary switches on the 5,000 benchmark articles, 270 in gulps), each time trading
 * the extractor's caches for SQLite's. */
#include "writer.h"
#include "../util/die.h"
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

/* Records the caller may be ahead: a batch (500) and then some, so that it goes on
 * extracting while the thread waits for a whole batch to commit. */
#define RING 512
#define GULP 64    /* records handed over before the thread is woken */

struct writer {
    store *s;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t sent, freed;
    size_t head, tail;
    bool closing, failed;
    char err[256];
    store_record ring[RING];
};

static void *writer_main(void *arg) {
    writer *w = arg;
    pthread_mutex_lock(&w->mu);
    for (;;) {
        while (w->head - w->tail < GULP && !w->closing) pthread_cond_wait(&w->sent, &w->mu);
        if (w->tail == w->head) break;
        while (w->tail != w->head) {
            const store_record *r = &w->ring[w->tail % RING];
            bool failed = w->failed;
            pthread_mutex_unlock(&w->mu);
            bool ok = failed || store_put(w->s, r, w->err, sizeof w->err);
            pthread_mutex_lock(&w->mu);
            w->failed = !ok || failed;
            w->tail++;
            pthread_cond_signal(&w->freed);
        }
    }
    bool failed = w->failed;
    pthread_mutex_unlock(&w->mu);
    if (!failed && !store_flush(w->s, w->err, sizeof w->err)) failed = true;
    pthread_mutex_lock(&w->mu);
    w->failed = failed;
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

writer *writer_start(store *s) {
    writer *w = calloc(1, sizeof *w);
    if (!w) dy_die("out of memory (writer)");
    w->s = s;
    for (int i = 0; i < RING; i++) store_record_init(&w->ring[i]);
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->sent, NULL);
    pthread_cond_init(&w->freed, NULL);
    /* Signals (Ctrl-C) go to the caller, whose handler decides; the thread starts with
     * them blocked so that they never interrupt a write. */
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    if (pthread_create(&w->thread, NULL, writer_main, w)) dy_die("cannot start the writer thread");
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return w;
}

store_record *writer_slot(writer *w) {
    pthread_mutex_lock(&w->mu);
    while (w->head - w->tail == RING && !w->failed) pthread_cond_wait(&w->freed, &w->mu);
    bool failed = w->failed;
    pthread_mutex_unlock(&w->mu);
    return failed ? NULL : &w->ring[w->head % RING];
}

void writer_send(writer *w) {
    pthread_mutex_lock(&w->mu);
    if (++w->head - w->tail >= GULP) pthread_cond_signal(&w->sent);
    pthread_mutex_unlock(&w->mu);
}

bool writer_finish(writer *w, char *err, size_t errlen) {
    pthread_mutex_lock(&w->mu);
    w->closing = true;
    pthread_cond_signal(&w->sent);
    pthread_mutex_unlock(&w->mu);
    pthread_join(w->thread, NULL);
    bool ok = !w->failed;
    if (!ok) snprintf(err, errlen, "%s", w->err);
    for (int i = 0; i < RING; i++) store_record_free(&w->ring[i]);
    pthread_mutex_destroy(&w->mu);
    pthread_cond_destroy(&w->sent);
    pthread_cond_destroy(&w->freed);
    free(w);
    return ok;
}
