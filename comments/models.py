"""Reader comments. The models arrive with the threaded-comments work; the app already owns the Moderator role."""
