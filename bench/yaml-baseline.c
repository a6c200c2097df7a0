/* The floor for loading: libyaml's event parser over every file, doing
 * nothing with the events.  rxplore's loader is measured against this.
 * Usage: yaml-baseline FILE...   Prints the number of events. */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int main(int argc, char **argv)
{
	unsigned long events = 0;
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			perror(argv[i]);
			return 1;
		}
		static unsigned char buf[1 << 20];
		size_t n = fread(buf, 1, sizeof buf, f);
		fclose(f);
		yaml_parser_t parser;
		yaml_parser_initialize(&parser);
		yaml_parser_set_input_string(&parser, buf, n);
		for (;;) {
			yaml_event_t ev;
			if (!yaml_parser_parse(&parser, &ev)) {
				fprintf(stderr, "%s: parse error\n", argv[i]);
				return 1;
			}
			events++;
			int done = ev.type == YAML_STREAM_END_EVENT;
			yaml_event_delete(&ev);
			if (done)
				break;
		}
		yaml_parser_delete(&parser);
	}
	printf("%lu events\n", events);
	return 0;
}
