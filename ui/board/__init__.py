"""Order board: every order with its three department statuses, search, detail."""
