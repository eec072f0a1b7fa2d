FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY domain ./domain
COPY application ./application
COPY infrastructure ./infrastructure
COPY interfaces ./interfaces
RUN pip install --no-cache-dir . && useradd --system --uid 10001 scenegen
USER scenegen
EXPOSE 8000
ENTRYPOINT ["scenegen"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]
