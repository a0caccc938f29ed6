"""The demo newsroom as data: people, stories, article templates and pictures drawn with Pillow."""
