import { M } from '../../queries';
import { CheckboxField, DateField, NumberField, TextArea, TextField } from '../../ui/fields';
import { day, num, todayVn } from '../../ui/form-values';
import { useForm } from '../../ui/forms';
import { type CaseFormProps, CaseMutationForm } from './case-form';

/** SURVEY: what the survey of the enterprise found. */
export function SurveyForm(props: CaseFormProps) {
  const f = useForm({ surveyedOn: todayVn(), workerCount: String(props.c.enterprise.workerCount), hasUnion: false as boolean, contactName: '', note: '' });
  return (
    <CaseMutationForm
      {...props}
      form={f}
      title="Ghi kết quả khảo sát"
      submitLabel="Lưu kết quả khảo sát"
      testId="form-survey"
      mutation={M.survey}
      done="Đã ghi kết quả khảo sát."
      input={() => ({
        surveyedOn: day(f.values.surveyedOn),
        workerCount: num(f.values.workerCount),
        hasUnion: f.values.hasUnion,
        contactName: f.values.contactName || null,
        note: f.values.note || null,
      })}
    >
      <DateField label="Ngày khảo sát" required notAfterToday testId="survey-day" {...f.field('surveyedOn')} />
      <NumberField label="Số lao động" required min={0} testId="survey-workers" {...f.field('workerCount')} />
      <CheckboxField label="Doanh nghiệp đã có công đoàn" {...f.checkbox('hasUnion')} />
      <TextField label="Người liên hệ" {...f.field('contactName')} />
      <TextArea label="Ghi chú" rows={2} {...f.field('note')} />
    </CaseMutationForm>
  );
}
