import { ReactNode } from 'react';
import type { Nullable, Operation } from '../../api';
import type { CaseDetail } from '../../queries';
import { ActionForm } from '../../ui/forms';
import type { ErrorState } from '../../ui/use-action';

/** What every case mutation's input carries: the case and the version the page shows. */
export type CaseRef = { caseId: string | number; expectedVersion: number };

/** The rest of a case mutation's input, as a form sends it (an empty field goes as null). */
export type CaseInput<I extends CaseRef> = Nullable<Omit<I, keyof CaseRef>>;

/** Runs a case mutation with the version shown, then reloads the case and says `message`. */
export type Act = <I extends CaseRef>(message: string, mutation: Operation<unknown, { i: I }>, input: CaseInput<I>) => Promise<void>;

/** What the case page gives each of its forms. */
export interface CaseFormProps {
  c: CaseDetail;
  act: Act;
  /** Loads the case again (offered when someone else has changed it: CONFLICT). */
  reload: () => void;
}

/** A case shown a moment ago and now not found: most often given to another officer meanwhile (out of one's scope). */
const CASE_GONE = 'Không tìm thấy hồ sơ này trong phạm vi của bạn nữa: có thể hồ sơ vừa được giao cho cán bộ khác hoặc chuyển đơn vị. Hãy tải lại trang.';

/** A form that runs one case mutation through the page's `act` (it takes the page's props as they are). */
export function CaseMutationForm<I extends CaseRef>(
  p: CaseFormProps & {
    title: string;
    submitLabel: string;
    testId: string;
    danger?: boolean;
    form: ErrorState;
    children: ReactNode;
    mutation: Operation<unknown, { i: I }>;
    /** The input from the form's values. */
    input: () => NoInfer<CaseInput<I>>;
    /** What the page says once it is done. */
    done: string;
  },
) {
  return (
    <ActionForm
      title={p.title}
      submitLabel={p.submitLabel}
      danger={p.danger}
      form={p.form}
      onReload={p.reload}
      notFound={CASE_GONE}
      testId={p.testId}
      onSubmit={() => p.act(p.done, p.mutation, p.input())}
    >
      {p.children}
    </ActionForm>
  );
}
