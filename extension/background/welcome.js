// Opens the welcome page once, when Buoy is first installed: never on an update or a browser restart.
// The "install" reason alone isn't enough: Chromium reports every start of an extension loaded with
// --load-extension as an install, so a flag records that the welcome was shown (nothing else).
chrome.runtime.onInstalled.addListener(async ({ reason }) => {
  if (reason !== "install" || (await chrome.storage.local.get("welcomed")).welcomed) return;
  await chrome.storage.local.set({ welcomed: true });
  await chrome.tabs.create({ url: chrome.runtime.getURL("welcome/welcome.html") });
});
