// Registered before content/button.js when the parent chose the large button (background/button-scripts.js).
globalThis.buoyLook = { ...globalThis.buoyLook, size: "large" };
