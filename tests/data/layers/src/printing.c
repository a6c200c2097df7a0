/* printf("in a comment"); exit(1); */
#include <stdio.h>
void f(struct s *o)
{
	printf("x\n");	/* BAD */
	fprintf(stderr, "y\n");	/* BAD */
	exit(1);	/* BAD */
	abort();	/* BAD */
	puts("exit(2)");	/* BAD */
	o->exit(3);
	snprintf(buf, sizeof buf, "printf(stdout)");
	fputs("x", out);
	FILE *to = stdout;	/* BAD */
	int exit_code = 0;
	// perror("in a line comment");
}
