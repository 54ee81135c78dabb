import * as React from 'react';
import * as SelectPrimitive from '@radix-ui/react-select';

import { cn } from '@/lib/utils';

// Select from a list of options; the menu slides in from the top.
export const SelectContent = ({ className, children, ...props }: SelectPrimitive.SelectContentProps) => (
  <SelectPrimitive.Portal>
    <SelectPrimitive.Content
      className={cn(
        'relative z-50 select-none rounded-md border data-[side=bottom]:slide-in-from-top-2',
        className,
      )}
      {...props}
    >
      <SelectPrimitive.Viewport className="p-1">{children}</SelectPrimitive.Viewport>
    </SelectPrimitive.Content>
  </SelectPrimitive.Portal>
);

export function RolePicker({ value, onChange }: { value?: string; onChange: (v: string) => void }) {
  return (
    <>
      <label htmlFor="role">Don't see the role you're looking for? Ask an admin.</label>
      <SelectPrimitive.Root value={value} onValueChange={onChange}>
        <SelectPrimitive.Trigger id="role" aria-label="Select a role">
          {value || 'Select a role...'}
        </SelectPrimitive.Trigger>
      </SelectPrimitive.Root>
    </>
  );
}

export const removeRole = (id: string) => request({ path: `/roles/${id}`, method: 'DELETE' });
