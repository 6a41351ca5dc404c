/** Runs before first paint: applies the saved theme, or the system's, so dark mode never flashes light. */
export const themeBootScript = `(() => {
  try {
    const saved = localStorage.getItem("theme");
    const dark = saved ? saved === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
    document.documentElement.classList.toggle("dark", dark);
  } catch {}
})();`;
