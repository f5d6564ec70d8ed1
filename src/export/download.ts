// Saving a file from the page: a Blob behind an <a download> (no window.open, no server, no data: URL
// the size of the file). The object URL is released once the browser has had time to take the file.
export function saveFile(data: Blob | string, file: string, type: string): void {
  const blob = typeof data === "string" ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = file;
  a.rel = "noopener";
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
