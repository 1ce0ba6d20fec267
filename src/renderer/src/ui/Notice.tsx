import { useKiosk } from '../app/store';

/** The plain-words outcome of the last action (`notice`), read out politely where the screen shows it. */
export function Notice() {
  const notice = useKiosk((s) => s.notice);
  return (
    <div className="notice" role="status">
      {notice}
    </div>
  );
}
