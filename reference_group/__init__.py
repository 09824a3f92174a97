"""Civil-society reference groups and their independent assessments of partnerships."""
