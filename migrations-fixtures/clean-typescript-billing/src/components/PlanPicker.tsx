import React from 'react';

type Props = { plans: { id: string; name: string }[]; onPick: (id: string) => void };

export function PlanPicker({ plans, onPick }: Props) {
  return (
    <div className="plan-picker">
      <label htmlFor="plan">Select a plan from the list</label>
      <select id="plan" onChange={(e) => onPick(e.target.value)} defaultValue="">
        <option value="" disabled>
          {'Select an option'}
        </option>
        {plans.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <p title="Update your profile">{'Update your profile to change the billing contact.'}</p>
      <button aria-label="Delete from the list">{"Delete from the list"}</button>
    </div>
  );
}

export const messages = {
  empty: 'Select a plan to see its price.',
  remove: 'Delete from the list',
  event: 'select',
};
