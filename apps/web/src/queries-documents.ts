import type * as G from './generated/graphql';
import { op } from './queries';

/** Official documents: issue from a case or a report, list with downloads, cancel, a unit's settings with a preview. */

const DOCUMENT_ROW = /* GraphQL */ `fragment DocumentRow on OfficialDocument { id kind number numberLabel issuedOn title status cancelledAt cancelReason docxUrl pdfUrl }`;
const SETTINGS = /* GraphQL */ `fragment DocumentSettingsView on DocumentSettings {
  orgUnitId parentLine issuerName shortName placeName authorityLine signerTitle signerName recipients own inheritedFrom { id name } }`;

export const DOCUMENTS = {
  list: op<G.DocumentsQuery, G.DocumentsQueryVariables>(
    /* GraphQL */ `query Documents($k: DocumentKind!, $s: ID!) { documents(kind: $k, sourceId: $s) { ...DocumentRow } } ${DOCUMENT_ROW}`,
  ),
  issue: op<G.IssueDocumentMutation, G.IssueDocumentMutationVariables>(
    /* GraphQL */ `mutation IssueDocument($i: IssueDocumentInput!) { issueDocument(input: $i) { ...DocumentRow } } ${DOCUMENT_ROW}`,
  ),
  cancel: op<G.CancelDocumentMutation, G.CancelDocumentMutationVariables>(
    /* GraphQL */ `mutation CancelDocument($i: CancelDocumentInput!) { cancelDocument(input: $i) { ...DocumentRow } } ${DOCUMENT_ROW}`,
  ),
  settings: op<G.DocumentSettingsQuery, G.DocumentSettingsQueryVariables>(
    /* GraphQL */ `query DocumentSettings($u: ID!) { documentSettings(orgUnitId: $u) { ...DocumentSettingsView } } ${SETTINGS}`,
  ),
  save: op<G.SaveDocumentSettingsMutation, G.SaveDocumentSettingsMutationVariables>(
    /* GraphQL */ `mutation SaveDocumentSettings($i: SaveDocumentSettingsInput!) { saveDocumentSettings(input: $i) { ...DocumentSettingsView } } ${SETTINGS}`,
  ),
  preview: op<G.PreviewDocumentQuery, G.PreviewDocumentQueryVariables>(
    /* GraphQL */ `query PreviewDocument($i: PreviewDocumentInput!) { previewDocument(input: $i) }`,
  ),
};

export type DocumentRow = G.DocumentRowFragment;
export type DocumentKind = G.DocumentKind;
export type DocumentSettingsView = G.DocumentSettingsViewFragment;
