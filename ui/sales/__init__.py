"""Sales station: order intake from every channel."""
