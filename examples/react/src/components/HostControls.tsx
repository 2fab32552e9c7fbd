import { hostErrorOptions, hostModeOptions, isHostMode, type HostMode } from '@authcode/example-shared';
import { useAuthCodeSelector } from '@authcode/react';

interface HostControlsProps {
  mode: HostMode;
  onChange(mode: HostMode): void;
}

export function HostControls({ mode, onChange }: HostControlsProps) {
  const isLoading = useAuthCodeSelector((view) => view.isLoading);
  return (
    <section className="card" aria-labelledby="host-title">
      <h2 id="host-title" className="card__title">
        Simulated host
      </h2>
      <p className="card__hint">
        Outside a super app, a simulated host answers and this page shows its sheet.
      </p>
      <label className="field">
        <span className="field__label">When asked for a code, the host will</span>
        <select
          value={mode}
          disabled={isLoading}
          onChange={(event) => {
            if (isHostMode(event.target.value)) onChange(event.target.value);
          }}
          data-testid="host-mode"
        >
          {hostModeOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
          <optgroup label="Fail with a host error code">
            {hostErrorOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
    </section>
  );
}
