int ui_run(void);
