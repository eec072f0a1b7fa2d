"""The use cases an API process serves, handed to its interface as one object."""

import msgspec

from application.use_cases.api_keys import AuthenticateHandler
from application.use_cases.cancel_job import CancelJobHandler
from application.use_cases.follow_job import FollowJobHandler
from application.use_cases.get_status import GetStatusHandler
from application.use_cases.job_access import FindOwnJobHandler
from application.use_cases.list_jobs import ListJobsHandler
from application.use_cases.quotas import SubmissionQuotaHandler
from application.use_cases.read_artifacts import ReadArtifactsHandler
from application.use_cases.record_step import RecordStepHandler
from application.use_cases.submit_job import SubmitJobHandler


class UseCases(msgspec.Struct, frozen=True, kw_only=True):
    """Every use case the HTTP interface calls, built once by the composition root."""

    submit_job: SubmitJobHandler
    get_status: GetStatusHandler
    follow_job: FollowJobHandler
    cancel_job: CancelJobHandler
    read_artifacts: ReadArtifactsHandler
    record_step: RecordStepHandler
    find_own_job: FindOwnJobHandler
    list_jobs: ListJobsHandler


class KeyAccess(msgspec.Struct, frozen=True, kw_only=True):
    """What the HTTP interface checks before a keyed request's handler: who the key is, and
    whether its quota lets it through (AUTH_MODE=api-keys)."""

    authenticate: AuthenticateHandler
    quota: SubmissionQuotaHandler
