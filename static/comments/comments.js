/* Replies in place: "Reply" moves the one comment form under the comment it answers. Without this script the
   link opens the reply page instead, so nothing here is needed for commenting to work. */
(function () {
  "use strict";
  var respond = document.getElementById("respond");
  var list = document.querySelector(".comment-list");
  if (!respond || !list || !respond.closest(".comments")) return;

  var form = respond.querySelector("form");
  var parentInput = form.elements.parent;
  var heading = document.getElementById("respond-heading");
  var cancel = respond.querySelector(".comment-respond__cancel");
  var headingText = heading.innerHTML;
  var home = document.createComment("comment form");
  respond.parentNode.insertBefore(home, respond);

  function replyUnder(link) {
    var comment = link.closest("li.comment");
    comment.querySelector(".comment__body").after(respond);
    parentInput.value = link.dataset.replyTo;
    heading.textContent = respond.dataset.replyHeading.replace("%s", comment.querySelector(".comment__author").textContent.trim());
    cancel.hidden = false;
    respond.classList.add("comment-respond--inline");
    form.elements.text.focus();
  }

  function goHome() {
    home.after(respond);
    parentInput.value = "";
    heading.innerHTML = headingText;
    cancel.hidden = true;
    respond.classList.remove("comment-respond--inline");
    form.elements.text.focus();
  }

  document.addEventListener("click", function (event) {
    var reply = event.target.closest("a[data-reply-to]");
    if (reply) {
      event.preventDefault();
      replyUnder(reply);
    } else if (event.target.closest("[data-cancel-reply]")) {
      event.preventDefault();
      goHome();
    }
  });
})();
