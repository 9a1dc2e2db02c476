"""What a moderator does in the admin: find a contribution in the queue, open it, look at it, decide."""


def open_from_queue(page, *, title: str) -> None:
    page.goto("/admin/contributions/")
    page.locator("main a", has_text=title).first.click()
    page.wait_for_load_state()
    assert title in page.locator("main").inner_text()


def decide(page, *, action: str, comment: str = "") -> str:
    """Presses one of the detail page's decisions and returns the admin's message."""
    form = page.locator(f"form.moderation-decision:has(input[name=action][value={action}])")
    if comment:
        form.locator("textarea").fill(comment)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    return page.locator(".messages").inner_text()


def tells_who_is_emailed(message: str) -> bool:
    """A decision's message, in the moderator's admin language (Arabic for Morocco's), names the masked address
    the contributor's e-mail goes to (contributions.moderation.decision_message)."""
    return "…@" in message


def approve_from_queue(page, *, title: str, files: list[str]) -> None:
    open_from_queue(page, title=title)
    main = page.locator("main")
    for name in files:
        kind = "photo" if name.startswith("photo") else "document"
        link = main.locator("a[href*='/files/']").first if kind == "document" else main.locator("img[src*='/files/']").first
        url = link.get_attribute("href" if kind == "document" else "src")
        assert page.request.get(url).status == 200, f"the moderator cannot open the {kind}"
    message = decide(page, action="approve")
    assert tells_who_is_emailed(message), message
