#include <stdio.h>
int prompt_thing(void);
