/* cmd_workplan.h: the `orgwork workplan` command (cli/workplan.c). */
#ifndef ORGWORK_CLI_CMD_WORKPLAN_H
#define ORGWORK_CLI_CMD_WORKPLAN_H

/* Runs `orgwork workplan`; argv[0] is the command's name.  Returns the exit status. */
int ow_cmd_workplan(int argc, char **argv);

#endif
