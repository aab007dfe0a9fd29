// Upload progress for the imports form. Progressive enhancement: without this script the form posts
// as usual and the server answers with the summary page; with it, the file is sent with
// XMLHttpRequest so a <progress> bar can follow the upload, then the answer (the same page, with the
// summary or the error) replaces the page's body. No inline script: the Content-Security-Policy
// allows scripts from this origin only.
(function () {
  'use strict';

  function enhance() {
    var form = document.getElementById('import-form');
    var bar = document.getElementById('upload-progress');
    var status = document.getElementById('upload-status');
    if (!form || !bar || !status || !window.FormData || !window.XMLHttpRequest) {
      return;
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var button = document.getElementById('upload');
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.responseType = 'document';
      bar.hidden = false;
      bar.value = 0;
      status.textContent = form.dataset.uploading;
      if (button) {
        button.disabled = true;
      }
      xhr.upload.addEventListener('progress', function (p) {
        if (p.lengthComputable && p.total > 0) {
          bar.max = p.total;
          bar.value = p.loaded;
          var percent = Math.floor((100 * p.loaded) / p.total);
          status.textContent = form.dataset.uploading + ' ' + percent + ' %';
          document.documentElement.dataset.uploadPercent = String(percent);
        }
      });
      xhr.upload.addEventListener('load', function () {
        bar.removeAttribute('value'); // indeterminate while the server imports
        status.textContent = form.dataset.importing;
      });
      xhr.addEventListener('load', function () {
        var page = xhr.response;
        if (!page || !page.body) {
          failed();
          return;
        }
        document.title = page.title;
        page.body.querySelectorAll('script').forEach(function (script) {
          script.remove(); // this script is already here: enhance() below, not a second copy
        });
        document.body.replaceWith(document.adoptNode(page.body));
        enhance(); // the new page's form gets the same treatment
      });
      xhr.addEventListener('error', failed);
      xhr.addEventListener('abort', failed);

      function failed() {
        bar.hidden = true;
        status.textContent = form.dataset.failed;
        if (button) {
          button.disabled = false;
        }
      }

      xhr.send(new FormData(form));
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', enhance);
  } else {
    enhance();
  }
})();
