# One image for both services (`serve` by default; the worker's task runs `worker`).
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/scenegen
ENV PATH=/opt/scenegen/bin:$PATH
WORKDIR /src
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock
COPY pyproject.toml README.md ./
COPY domain ./domain
COPY application ./application
COPY infrastructure ./infrastructure
COPY interfaces ./interfaces
# Bytecode compiled once at build (the image sets PYTHONDONTWRITEBYTECODE): the generator's
# word tables would otherwise be compiled on every `scenegen scene`.
RUN pip install --no-deps . && python -m compileall -q /opt/scenegen/lib

FROM python:3.11-slim
# checkov:skip=CKV_DOCKER_2: ECS checks the API through the ALB (/healthz) and the worker with `scenegen worker-health` (its task definition)
RUN useradd --system --uid 10001 --no-create-home scenegen \
    && mkdir -p /run/scenegen && chown 10001 /run/scenegen
# The worker's heartbeat file (WORKER_HEARTBEAT_FILE): a volume the read-only task can write,
# which ECS creates with this directory's owner.
VOLUME ["/run/scenegen"]
COPY --from=build /opt/scenegen /opt/scenegen
ENV PATH=/opt/scenegen/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
USER 10001
EXPOSE 8000
ENTRYPOINT ["scenegen"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]
