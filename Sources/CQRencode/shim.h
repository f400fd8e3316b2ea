#include <stddef.h>
#include <qrencode.h>
