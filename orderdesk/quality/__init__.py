"""Quality: final inspection records and the rules that block a certificate."""
