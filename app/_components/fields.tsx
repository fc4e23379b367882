/** Small form building blocks shared by the wizard and the admin area (server components). */
const input =
  'mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-200';

export function TextField(props: {
  label: string;
  name: string;
  defaultValue?: string | null;
  type?: 'text' | 'password' | 'url';
  required?: boolean;
  hint?: React.ReactNode;
  placeholder?: string;
  maxLength?: number;
}) {
  return (
    <label className="block">
      <span className="text-sm font-medium">{props.label}</span>
      <input
        name={props.name}
        type={props.type ?? 'text'}
        defaultValue={props.defaultValue ?? ''}
        required={props.required}
        placeholder={props.placeholder}
        maxLength={props.maxLength ?? 1024}
        autoComplete="off"
        className={input}
      />
      {props.hint ? <span className="mt-1 block text-xs text-slate-500">{props.hint}</span> : null}
    </label>
  );
}

export function Radio(props: { name: string; value: string; label: string; hint?: string; defaultChecked?: boolean }) {
  return (
    <label className="flex items-start gap-2">
      <input type="radio" name={props.name} value={props.value} defaultChecked={props.defaultChecked} className="mt-1" />
      <span>
        <span className="font-medium">{props.label}</span>
        {props.hint ? <span className="block text-sm text-slate-600">{props.hint}</span> : null}
      </span>
    </label>
  );
}

export function Card({ title, children, testId }: { title?: string; children: React.ReactNode; testId?: string }) {
  return (
    <section data-testid={testId} className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      {title ? <h2 className="text-lg font-semibold">{title}</h2> : null}
      {children}
    </section>
  );
}
