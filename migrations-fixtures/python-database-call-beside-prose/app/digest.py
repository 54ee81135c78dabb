"""Daily digest e-mails.

The digest fetches nothing itself: the raw text below is rendered, and the user can select
the topics from the settings page (see the update from the product team).
"""


def render(user, topics):
    # Select the topics from the user's settings, then render the text.
    lines = [f"Hello {user.name},", ""]
    for topic in topics:
        lines.append(f"- {topic.title}")
    return "\n".join(lines)
