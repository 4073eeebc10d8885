"""The Sessions tab: the mentee's session notes, the note editor, addenda."""
