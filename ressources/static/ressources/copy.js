// Adds a "copy" button to the attribution box; without JavaScript the text stays selectable.
document.querySelectorAll("[data-copy-target]").forEach((button) => {
  const target = document.getElementById(button.dataset.copyTarget);
  const status = button.parentElement.querySelector(".copy-status");
  if (!target || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(target.value || target.textContent);
      if (status) status.textContent = button.dataset.copiedLabel;
    } catch (error) {
      target.select();
    }
  });
});
