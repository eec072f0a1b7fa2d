"""The names and dimensions of every metric the service emits, in one place."""

JOBS_BY_STATUS = "JobsByStatus"
JOB_DURATION = "JobDuration"
STEP_DURATION = "StepDuration"
ERRORS = "Errors"
WEBHOOK_ATTEMPTS = "WebhookAttempts"

STATUS = "Status"
STEP = "Step"
KIND = "Kind"
OUTCOME = "Outcome"

ERROR_STEP_FAILED = "step_failed"
ERROR_CALLBACK_REJECTED = "callback_rejected"
ERROR_DEPENDENCY = "dependency_error"
ERROR_UNHANDLED = "unhandled"
ERROR_WEBHOOK_QUEUE = "webhook_queue"

WEBHOOK_DELIVERED = "delivered"
WEBHOOK_RETRY = "retry"
WEBHOOK_GAVE_UP = "gave_up"
