"""The command line: the only place that prints to the terminal and picks exit codes."""
