"""Text for the dashboard. None of it is SQL, although some of it starts like SQL."""

PICKER_PLACEHOLDER = "Select an option"
PICKER_HINT = "Select a cohort from the list"
PROFILE_CTA = "Update your profile"
CONFIRM_REMOVE = "Delete from the list?"
EMPTY_STATE = "Select"
BULK_ACTIONS = ["select all", "select none"]
