"""Item models shared by more than one page or by the main window shell."""
