#ifndef HEDGE_CEDITLINE_SHIM_H
#define HEDGE_CEDITLINE_SHIM_H
/* libedit's native histedit API. el_set and history are variadic, which Swift cannot call,
   so each operation hedge needs gets a non-variadic static inline wrapper here. */
#include <stdio.h>
#include <histedit.h>

#endif
