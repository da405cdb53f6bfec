/* signals.h: holding the signals that end the process while a temporary file
 * exists.  Internal to the library (model/ and solver/). */
#ifndef ORGWORK_MODEL_SIGNALS_H
#define ORGWORK_MODEL_SIGNALS_H

#include <signal.h>

/* Holds SIGINT, SIGTERM and SIGHUP (they wait, pending) while a temporary file
 * exists, so that a signal which ends the process never leaves one behind; then
 * ow_signals_release(&saved) restores the mask. */
void ow_signals_hold(sigset_t *saved);
void ow_signals_release(const sigset_t *saved);

#endif
