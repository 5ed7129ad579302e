/* cli.h - the subcommands of the dyad program; each returns the process exit status
 * (0 all fine, 1 some articles had errors, 2 usage error or unreadable input). */
#ifndef DY_CLI_H
#define DY_CLI_H
int cli_extract(int argc, char **argv);
int cli_bench(int argc, char **argv);
int cli_train(int argc, char **argv);
int cli_eval(int argc, char **argv);
int cli_clusters(int argc, char **argv);
int cli_dicts(int argc, char **argv);
int cli_ingest(int argc, char **argv);
int cli_query(int argc, char **argv);
int cli_serve(int argc, char **argv);
int cli_validate(int argc, char **argv);
#endif
