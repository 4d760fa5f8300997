FROM stagecraft-test/busybox:1
ONBUILD RUN echo trigger > /trigger
