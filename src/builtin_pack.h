/* The bundled pack, compiled into the binary (src/builtin_pack.c is generated). */
#ifndef RXPLORE_BUILTIN_PACK_H
#define RXPLORE_BUILTIN_PACK_H

#include <stddef.h>

#include "loader.h"

extern const struct embedded_file builtin_pack_files[];
extern const size_t builtin_pack_count;
extern const char builtin_pack_name[]; /* `pack:` of the bundled pack.yaml */

#endif
