"""The Goals tab: goals, their progress entries and the progress chart."""
