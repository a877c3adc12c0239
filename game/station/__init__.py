"""The instructor station: a live class console in the browser, and the trainee link to it."""
