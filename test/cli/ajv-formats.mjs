// The one string format the report schema uses (ajv leaves formats to a plug-in): ISO 8601 date-time.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export default function addFormats(ajv) {
  ajv.addFormat('date-time', (s) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)));
}
