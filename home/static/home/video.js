// Click-to-load videos: nothing is requested from the video host until the reader asks for it.
document.querySelectorAll("figure.video[data-embed-url]").forEach(function (figure) {
  var placeholder = figure.querySelector(".video__placeholder");
  var button = document.createElement("button");
  button.type = "button";
  button.textContent = figure.dataset.playLabel;
  button.addEventListener("click", function () {
    var iframe = document.createElement("iframe");
    iframe.src = figure.dataset.embedUrl;
    iframe.title = figure.dataset.embedTitle || "";
    iframe.allow = "fullscreen; picture-in-picture";
    iframe.setAttribute("allowfullscreen", "");
    placeholder.replaceWith(iframe);
    button.remove();
    iframe.focus();
  });
  placeholder.after(button);
});
