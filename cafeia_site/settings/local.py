"""What the two settings of a developer's machine (dev and test) share; never production."""

# Passwords of the demo accounts created by `load_demo`.
DEMO_PASSWORDS = {
    "administrateur": "cafeia-admin",
    "editor": "cafeia-editor",
    "moderator": "cafeia-moderator",
    "moderateur-maroc": "cafeia-maroc",
}

# Static files straight from the apps, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
