"""One folder per page of the main window: the page, its models and its dialogs."""
