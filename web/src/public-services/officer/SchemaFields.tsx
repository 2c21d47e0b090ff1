import { TextField, SelectField } from '../../ui/Field.js';
import { parseDayMonthYear } from '../../feedback/stats/period.js';

interface Prop {
  type?: string | string[];
  title?: string;
  description?: string;
  format?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
}

/** The top-level fields of a procedure's e-form (a JSON Schema object) as plain inputs; dates typed dd/mm/yyyy. */
export function schemaFields(schema: Record<string, unknown> | undefined): Array<{ name: string; prop: Prop; required: boolean }> {
  const props = (schema?.properties ?? {}) as Record<string, Prop>;
  const required = new Set(Array.isArray(schema?.required) ? (schema.required as string[]) : []);
  return Object.entries(props).map(([name, prop]) => ({ name, prop, required: required.has(name) }));
}

const typeOf = (p: Prop) => (Array.isArray(p.type) ? p.type.find((x) => x !== 'null') : p.type) ?? 'string';

/** Turns the typed strings into the schema's types (numbers, booleans, ISO dates); empty fields are left out. */
export function toFormData(schema: Record<string, unknown> | undefined, values: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { name, prop } of schemaFields(schema)) {
    const raw = (values[name] ?? '').trim();
    if (!raw) continue;
    const type = typeOf(prop);
    if (type === 'number' || type === 'integer') out[name] = Number(raw);
    else if (type === 'boolean') out[name] = raw === 'true';
    else if (prop.format === 'date') out[name] = parseDayMonthYear(raw) ?? raw;
    else out[name] = raw;
  }
  return out;
}

export function SchemaFields({ schema, values, onValue, idPrefix }: { schema: Record<string, unknown> | undefined; values: Record<string, string>; onValue(name: string, value: string): void; idPrefix: string }) {
  return (
    <>
      {schemaFields(schema).map(({ name, prop, required }) => {
        const id = `${idPrefix}-${name}`;
        const label = prop.title ?? name;
        const type = typeOf(prop);
        if (prop.enum || type === 'boolean') {
          const options = type === 'boolean' ? ['true', 'false'] : (prop.enum ?? []).map(String);
          return <SelectField key={name} id={id} label={label} hint={prop.description} value={values[name] ?? ''} onValue={(v) => onValue(name, v)} required={required} options={[{ value: '', label: '—' }, ...options.map((o) => ({ value: o, label: o === 'true' ? '✓' : o === 'false' ? '✗' : o }))]} />;
        }
        return (
          <TextField
            key={name}
            id={id}
            label={label}
            hint={prop.format === 'date' ? (prop.description ? `${prop.description} (dd/mm/yyyy)` : 'dd/mm/yyyy') : prop.description}
            value={values[name] ?? ''}
            onValue={(v) => onValue(name, v)}
            required={required}
            type={type === 'number' || type === 'integer' ? 'number' : prop.format === 'email' ? 'email' : 'text'}
            inputMode={prop.format === 'date' || type === 'integer' ? 'numeric' : undefined}
            placeholder={prop.format === 'date' ? 'dd/mm/yyyy' : undefined}
            maxLength={prop.maxLength}
          />
        );
      })}
    </>
  );
}
