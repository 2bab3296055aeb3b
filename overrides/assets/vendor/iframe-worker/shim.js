/*
 * iframe-worker shim (npm package iframe-worker, MIT licence, Copyright (c) 2020-2022 Martin
 * Donath, see LICENSE in this folder), adapted for this site.
 *
 * Change: the original writes into the iframe an inline <script> that embeds the worker's
 * absolute URL, so no hash known at build time can allow it under our Content-Security-Policy.
 * This copy loads a static helper, scope.js (beside this file), instead, and hands it the worker
 * URL in a data attribute. Behaviour is otherwise the original's, de-minified.
 */
"use strict";
(() => {
  const helper = new URL("scope.js", document.currentScript.src).href;

  // Serialised through an element, so the URLs are escaped as attribute values.
  const scriptTag = (src, workerUrl) => {
    const script = document.createElement("script");
    script.src = src;
    if (workerUrl) script.dataset.workerUrl = workerUrl;
    return script.outerHTML;
  };

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = url;
      this.m = (event) => {
        if (event.source === this.w) {
          this.dispatchEvent(new MessageEvent("message", { data: event.data }));
          if (this.onmessage) this.onmessage(event);
        }
      };
      this.e = (message, filename, lineno, colno, error) => {
        if (filename === `${this.url}`) {
          const event = new ErrorEvent("error", { message, filename, lineno, colno, error });
          this.dispatchEvent(event);
          if (this.onerror) this.onerror(event);
        }
      };
      const iframe = document.createElement("iframe");
      iframe.hidden = true;
      document.body.appendChild(this.iframe = iframe);
      const doc = this.w.document;
      doc.open();
      doc.write(`<html><body>${scriptTag(helper, `${url}`)}${scriptTag(`${url}?${+Date.now()}`)}</body></html>`);
      doc.close();
      onmessage = this.m;
      onerror = this.e;
      this.r = new Promise((resolve, reject) => {
        this.w.onload = resolve;
        this.w.onerror = reject;
      });
    }

    terminate() {
      this.iframe.remove();
      onmessage = onerror = null;
    }

    postMessage(data) {
      this.r.catch().then(() => {
        this.w.dispatchEvent(new MessageEvent("message", structuredClone({ data })));
      });
    }

    get w() {
      return this.iframe.contentWindow;
    }
  }

  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") window.Worker = IFrameWorker;
})();
