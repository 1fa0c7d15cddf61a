"use strict";
// Preloaded by harness/lounge.py into The Lounge's Node with -r: keep The Lounge on loopback.
// Node calls net.Socket#connect for TCP, TLS, HTTP and HTTPS before any DNS lookup, so a refusal
// here means nothing left the machine.
const fs = require("fs");
const net = require("net");
const Module = require("module");
const BLOCKED_LOG = process.env.BUOY_BLOCKED_LOG;
const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1", "localhost"]);

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = Array.isArray(args[0]) ? args[0][0] : args[0];
  const host = typeof options === "object" && options !== null
    ? (options.path ? "localhost" : options.host || "localhost")
    : typeof options === "string" && isNaN(options) ? "localhost" : args[1] || "localhost";
  if (!LOOPBACK.has(String(host).toLowerCase())) {
    fs.appendFileSync(BLOCKED_LOG, host + "\n");
    process.nextTick(() => this.destroy(new Error("test harness: no network, refused " + host)));
    return this;
  }
  return connect.apply(this, args);
};

// The update check calls GitHub at start and then daily; there is no setting for it.
const load = Module._load;
Module._load = function (request, ...rest) {
  const exported = load.call(this, request, ...rest);
  if (request.endsWith("plugins/changelog") && exported && exported.default) {
    exported.default.checkForUpdates = () => {};
  }
  return exported;
};
