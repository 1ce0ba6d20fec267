/** Saves text as a file through the page's own download (Blob + a[download]); works in Electron and the station. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Not revoked at once: the browser may start reading the blob only after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves a CSV file main wrote (a shift, a report), under the name main gave it. */
export const saveCsv = (fileName: string, csv: string): void => downloadText(fileName, csv);
