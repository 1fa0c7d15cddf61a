// Registered before content/button.js when the parent chose this corner (background/button-scripts.js).
globalThis.buoyLook = { ...globalThis.buoyLook, corner: "top-left" };
